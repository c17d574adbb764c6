package io.valence.orm.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.schema.SchemaRenderer;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code @ManyToMany}: the link table's names (given or JPA's defaults), both sides, and each mapping problem's message. */
class ManyToManyMappingTest {

    static class Defaults {
        @Entity
        static class Student {
            @Id
            Long id;

            @ManyToMany
            Set<Course> courses;
        }

        @Entity
        static class Course {
            @Id
            Long id;

            @ManyToMany(mappedBy = "courses")
            List<Student> students;
        }
    }

    @Test
    void theLinkTableFollowsTheJpaDefaultsAndTheInverseSideSeesItReversed() {
        Metamodel metamodel = Metamodel.of(List.of(Defaults.Student.class, Defaults.Course.class));
        RelationshipMapping courses = metamodel.entity(Defaults.Student.class).relationship("courses");
        RelationshipMapping students = metamodel.entity(Defaults.Course.class).relationship("students");

        assertThat(courses.isCollection()).isTrue();
        assertThat(courses.link().table()).isEqualTo("student_course");
        assertThat(List.of(courses.link().ownColumn(), courses.link().otherColumn())).containsExactly("students_id", "courses_id");
        assertThat(courses.link().owning()).isTrue();
        assertThat(students.link()).isEqualTo(courses.link().reversed());
    }

    @Test
    void theLinkTableIsCreatedAfterBothTablesWithItsKeyAndAnIndexOnTheSecondColumn() {
        List<String> ddl = SchemaRenderer.create(Metamodel.of(List.of(Defaults.Student.class, Defaults.Course.class)));

        assertThat(ddl).contains("""
                CREATE TABLE "student_course" (
                    "students_id" bigint NOT NULL REFERENCES "student" ("id"),
                    "courses_id" bigint NOT NULL REFERENCES "course" ("id"),
                    PRIMARY KEY ("students_id", "courses_id")
                )""", "CREATE INDEX \"student_course_courses_id_idx\" ON \"student_course\" (\"courses_id\")");
        assertThat(ddl.indexOf(ddl.stream().filter(s -> s.startsWith("CREATE TABLE \"student_course\"")).findFirst().orElseThrow()))
                .isGreaterThan(ddl.indexOf(ddl.stream().filter(s -> s.startsWith("CREATE TABLE \"course\"")).findFirst().orElseThrow()));
        assertThat(SchemaRenderer.drop(Metamodel.of(List.of(Defaults.Student.class, Defaults.Course.class))).get(0))
                .isEqualTo("DROP TABLE IF EXISTS \"student_course\"");
    }

    static class Named {
        @Entity
        static class Student {
            @Id
            Long id;

            @ManyToMany
            @JoinTable(name = "enrolment", joinColumns = @JoinColumn(name = "student"),
                    inverseJoinColumns = @JoinColumn(name = "course"))
            Set<Course> courses;
        }

        @Entity
        static class Course {
            @Id
            Long id;
        }
    }

    @Test
    void joinTableNamesTheTableAndBothColumns() {
        RelationshipMapping courses = Metamodel.of(List.of(Named.Student.class, Named.Course.class))
                .entity(Named.Student.class).relationship("courses");

        assertThat(List.of(courses.link().table(), courses.link().ownColumn(), courses.link().otherColumn()))
                .containsExactly("enrolment", "student", "course");
    }

    static class Problems {
        @Entity
        static class Student {
            @Id
            Long id;

            @ManyToMany(cascade = CascadeType.ALL)
            Set<Course> courses;

            @ManyToMany
            @JoinColumn(name = "x")
            Set<Course> electives;
        }

        @Entity
        static class Course {
            @Id
            Long id;

            @ManyToMany(mappedBy = "nothing")
            Set<Student> students;
        }
    }

    @Test
    void eachProblemOfAManyToManyIsReportedWithItsFix() {
        assertThat(MappingProblems.of(Problems.Student.class, Problems.Course.class)).containsExactlyInAnyOrder(
                "Student.courses is a @ManyToMany with cascade REMOVE (or ALL), which would delete elements still linked"
                        + " to other rows; deleting a row already deletes its link rows: cascade PERSIST (or nothing)"
                        + " and delete elements yourself",
                "Student.electives is a @ManyToMany with @JoinColumn; its columns live in the link table: name them with"
                        + " @JoinTable(joinColumns = @JoinColumn(name = …), inverseJoinColumns = @JoinColumn(name = …))",
                "Course.students has mappedBy = \"nothing\", but Student has no owning @ManyToMany of Course of that"
                        + " name; mappedBy must name the @ManyToMany collection of Student (the side with @JoinTable)"
                        + " whose elements are Course");
    }
}
