// The "as of" range slider: shows the instant under the thumb as text while it moves, and shows the dossier at that
// instant when a pointer lets it go. Keyboard users move it with the arrow keys without the page reloading on each
// key (WCAG 3.2.2), then press Enter or the form's button. Without this script the button does the same.
document.addEventListener('DOMContentLoaded', function () {
    var slider = document.getElementById('point');
    var shown = document.getElementById('point-value');
    if (!slider || !shown) {
        return;
    }
    var instants = (slider.getAttribute('data-instants') || '').split('\n');
    var byPointer = false;
    function show() {
        var text = instants[Number(slider.value)] || '';
        shown.textContent = text;
        slider.setAttribute('aria-valuetext', text);
    }
    slider.addEventListener('input', show);
    slider.addEventListener('pointerdown', function () {
        byPointer = true;
    });
    slider.addEventListener('change', function () {
        show();
        if (byPointer) {
            byPointer = false;
            slider.form.submit();
        }
    });
    slider.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') {
            event.preventDefault();
            slider.form.submit();
        }
    });
});
