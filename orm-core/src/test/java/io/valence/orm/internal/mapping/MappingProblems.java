package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.valence.orm.MappingException;
import java.util.List;

/** Builds a metamodel that must fail and returns the problems it reports. */
final class MappingProblems {
    private MappingProblems() {}

    static List<String> of(Class<?>... types) {
        return assertThatExceptionOfType(MappingException.class)
                .isThrownBy(() -> Metamodel.of(List.of(types)))
                .actual()
                .problems();
    }
}
