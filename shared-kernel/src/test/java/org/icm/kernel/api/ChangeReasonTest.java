package org.icm.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ChangeReasonTest {

    @Test
    void aPrintableAsciiReasonTravelsAsItIs() {
        assertThat(ChangeReason.encode("Council position adopted (COM(2016) 465)")).isEqualTo("Council position adopted (COM(2016) 465)");
        assertThat(ChangeReason.decode("Council position adopted (COM(2016) 465)")).isEqualTo("Council position adopted (COM(2016) 465)");
    }

    @Test
    void aReasonBeyondAsciiTravelsInLatin1SafeFormAndComesBackWhole() {
        String reason = "L’accord a été retiré\nen 2025 — voir « COM » ; cœur + 50 %";

        String header = ChangeReason.encode(reason);

        assertThat(header).startsWith("UTF-8''L%E2%80%99accord%20a%20%C3%A9t%C3%A9").matches("[\\x21-\\x7e]+");
        assertThat(ChangeReason.decode(header)).isEqualTo(reason);
    }

    @Test
    void aPlainReasonThatLooksEncodedIsEncodedSoItComesBackAsWritten() {
        assertThat(ChangeReason.decode(ChangeReason.encode("UTF-8''%41"))).isEqualTo("UTF-8''%41");
    }

    @Test
    void aBadlyEncodedValueIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChangeReason.decode("UTF-8''50%")).withMessageContaining("two hexadecimal digits");
        assertThatIllegalArgumentException().isThrownBy(() -> ChangeReason.decode("UTF-8''a b")).withMessageContaining("percent-encoded");
        assertThatIllegalArgumentException().isThrownBy(() -> ChangeReason.decode("UTF-8''%C3%28")).withMessageContaining("not UTF-8");
    }

    @Test
    void noHeaderIsNoReason() {
        assertThat(ChangeReason.decode(null)).isNull();
    }
}
