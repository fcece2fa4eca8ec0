package org.icm.kernel.vocabulary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed catalogue of children's rights (UN CRC, EU Charter, ECHR), shipped as data in
 * {@code rights-catalogue.json} beside this class and loaded once.
 */
public final class RightsCatalogue {

    private static final RightsCatalogue STANDARD = load();

    private final Map<String, Right> byCode;
    private final List<Right> ordered;

    private RightsCatalogue(List<Right> rights) {
        Map<String, Right> map = new LinkedHashMap<>();
        for (Right right : rights) {
            if (map.put(right.code(), right) != null) {
                throw new IllegalStateException("rights catalogue lists " + right.code() + " twice");
            }
        }
        this.byCode = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    /** The catalogue shipped with the platform. */
    public static RightsCatalogue standard() {
        return STANDARD;
    }

    public Optional<Right> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** All rights, in catalogue order. */
    public Collection<Right> all() {
        return ordered;
    }

    private record CatalogueFile(String description, List<Right> rights) {
    }

    private static RightsCatalogue load() {
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = RightsCatalogue.class.getResourceAsStream("rights-catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("rights-catalogue.json is missing from the shared kernel");
            }
            return new RightsCatalogue(json.readValue(in, CatalogueFile.class).rights());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rights catalogue", e);
        }
    }
}
