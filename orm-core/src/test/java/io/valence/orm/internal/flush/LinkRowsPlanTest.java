package io.valence.orm.internal.flush;

import static io.valence.orm.internal.flush.FlushPlannerTest.shape;
import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.sql.FlushSqlRenderer;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.ChangeSet;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.internal.unitofwork.fixtures.Label;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import io.valence.orm.internal.unitofwork.fixtures.Post;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The link rows of a many-to-many in a flush plan, as data, and the SQL that writes them. */
class LinkRowsPlanTest {
    private static final RelationshipMapping LABELS = Model.METAMODEL.entity(Post.class).relationship("labels");

    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);
    private final FlushPlanner planner = new FlushPlanner(Model.METAMODEL);

    private FlushPlan plan() {
        return planner.plan(new ChangeCollector(unitOfWork).collect());
    }

    /** Gives a persistent object a loaded collection, as a select-in load would. */
    private void loadCollection(Object owner, String relationship, Collection<Object> members) {
        EntityState state = unitOfWork.state(owner);
        RelationshipMapping mapping = state.mapping().relationship(relationship);
        mapping.accessor().set(owner, members);
        state.loaded(mapping, true);
        state.collectionSnapshot(mapping, members);
    }

    private static List<String> pairs(List<Object[]> rows) {
        return rows.stream().map(row -> ((Post) row[0]).id + "-" + ((Label) row[1]).id).toList();
    }

    @Test
    void theLabelsOfNewPostsAreLinkRowsInsertedAfterThePosts() {
        Label first = persistent(unitOfWork, Label.class, 1L, "first");
        Label second = persistent(unitOfWork, Label.class, 2L, "second");
        Post post = new Post(10L, "p");
        post.labels.add(first);
        post.labels.add(second);
        unitOfWork.add(post);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("INSERT post");
        assertThat(plan.links()).singleElement().satisfies(change -> {
            assertThat(change.owning()).isEqualTo(LABELS);
            assertThat(pairs(change.linked())).containsExactly("10-1", "10-2");
            assertThat(change.deletes()).isFalse();
        });
    }

    @Test
    void aMemberRemovedFromALoadedCollectionIsUnlinkedAndAnAddedOneLinked() {
        Label kept = persistent(unitOfWork, Label.class, 1L, "kept");
        Label removed = persistent(unitOfWork, Label.class, 2L, "removed");
        Label added = persistent(unitOfWork, Label.class, 3L, "added");
        Post post = persistent(unitOfWork, Post.class, 10L, "p");
        loadCollection(post, "labels", new LinkedHashSet<>(List.of(kept, removed)));
        post.labels.remove(removed);
        post.labels.add(added);

        ChangeSet.LinkChange change = plan().links().get(0);

        assertThat(pairs(change.linked())).containsExactly("10-3");
        assertThat(pairs(change.unlinked())).containsExactly("10-2");
    }

    @Test
    void aPostAddedOnTheInverseSideIsLinkedAndJoinsTheLoadedOwningSide() {
        Label label = persistent(unitOfWork, Label.class, 1L, "l");
        Post post = persistent(unitOfWork, Post.class, 10L, "p");
        loadCollection(post, "labels", new LinkedHashSet<>());
        loadCollection(label, "posts", new ArrayList<>());
        label.posts.add(post);

        ChangeSet.LinkChange change = plan().links().get(0);

        assertThat(pairs(change.linked())).containsExactly("10-1");
        assertThat(post.labels).containsExactly(label);
        assertThat(plan().links()).as("both sides agree: nothing left to write").isEmpty();
    }

    @Test
    void bothSidesShowingTheSameNewPairLinkItOnce() {
        Label label = persistent(unitOfWork, Label.class, 1L, "l");
        Post post = persistent(unitOfWork, Post.class, 10L, "p");
        loadCollection(post, "labels", new LinkedHashSet<>());
        loadCollection(label, "posts", new ArrayList<>());
        post.labels.add(label);
        label.posts.add(post);

        assertThat(pairs(plan().links().get(0).linked())).containsExactly("10-1");
        assertThat(label.posts).containsExactly(post);
    }

    @Test
    void deletingAPostOrALabelDeletesEveryLinkRowOfIt() {
        Post post = persistent(unitOfWork, Post.class, 10L, "p");
        Label label = persistent(unitOfWork, Label.class, 1L, "l");
        unitOfWork.delete(post);
        unitOfWork.delete(label);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactlyInAnyOrder("DELETE label", "DELETE post");
        assertThat(plan.links()).singleElement().satisfies(change -> {
            assertThat(change.deletedOwners()).containsExactly(post);
            assertThat(change.deletedTargets()).containsExactly(label);
            assertThat(change.linked()).isEmpty();
        });
    }

    @Test
    void unchangedOrUnloadedCollectionsWriteNoLinkRows() {
        Label label = persistent(unitOfWork, Label.class, 1L, "l");
        Post loaded = persistent(unitOfWork, Post.class, 10L, "loaded");
        persistent(unitOfWork, Post.class, 11L, "not loaded");
        loadCollection(loaded, "labels", new LinkedHashSet<>(Set.of(label)));

        assertThat(plan().links()).isEmpty();
    }

    @Test
    void linkRowsAreWrittenByOneInsertAndOneDeletePerLinkTable() {
        assertThat(FlushSqlRenderer.insertLinks(LABELS.link())).isEqualTo("INSERT INTO \"post_label\" (\"post_id\","
                + " \"label_id\") SELECT * FROM unnest($1::bigint[], $2::bigint[])");
        assertThat(FlushSqlRenderer.deleteLinks(LABELS.link())).isEqualTo("DELETE FROM \"post_label\" AS x WHERE"
                + " (x.\"post_id\", x.\"label_id\") IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))"
                + " OR x.\"post_id\" = ANY($3::bigint[]) OR x.\"label_id\" = ANY($4::bigint[])");
    }

    @Test
    void aCollectionAssignedOverOneNeverLoadedIsRejectedAtTheFlush() {
        Post post = persistent(unitOfWork, Post.class, 10L, "p");
        post.labels = new LinkedHashSet<>();

        assertThatThrownBy(this::plan).isInstanceOf(OrmException.class).hasMessage("Post#10.labels was assigned a"
                + " collection but was never loaded, so the flush cannot tell which of its links to add or remove;"
                + " load it first (Load.selectIn(\"labels\") or session.fetch(entity, \"labels\")), then change its"
                + " members");
    }
}
