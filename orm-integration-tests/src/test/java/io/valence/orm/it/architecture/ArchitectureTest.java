package io.valence.orm.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries STYLE.md names, checked on the production classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.valence.orm");
    }

    @Test
    void publicApiSignaturesNeverExposeInternalTypes() {
        methods().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .should(notMentionInternalTypes())
                .check(classes);
    }

    @Test
    void libraryCodeNeverBlocks() {
        noClasses().that().resideInAPackage("io.valence.orm..")
                .and().resideOutsideOfPackage("io.valence.orm.testkit..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a blocking Reactor call",
                        call -> call.getTarget().getName().startsWith("block")
                                && call.getTarget().getOwner().getPackageName().startsWith("reactor.core.publisher")))
                .because("a reactive ORM must never block; compose the publisher instead")
                .check(classes);
    }

    @Test
    void coreDecidesWithoutIo() {
        noClasses().that().resideInAnyPackage("io.valence.orm", "io.valence.orm.query..", "io.valence.orm.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("reactor..", "io.r2dbc..", "io.netty..")
                .because("orm-core decides and orm-reactive does the I/O")
                .check(classes);
    }

    private static ArchCondition<JavaMethod> notMentionInternalTypes() {
        return new ArchCondition<>("not mention internal types in their signatures") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> mentioned = new ArrayList<>(method.getRawParameterTypes());
                mentioned.add(method.getRawReturnType());
                for (JavaClass type : mentioned) {
                    if (type.getPackageName().contains(".internal")) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes internal type " + type.getName()));
                    }
                }
            }
        };
    }
}
