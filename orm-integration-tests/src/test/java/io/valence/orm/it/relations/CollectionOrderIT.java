package io.valence.orm.it.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** {@code @OrderBy}: a loaded collection comes back in its order, by select-in, joined loading and fetch. */
@ValenceTest(entities = {Album.class, Song.class})
class CollectionOrderIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> ORDERED = List.of("a", "c", "b", "d");

    private Long albumId;

    /** Songs added out of order: positions 1, 3, 3, 0 for titles b, c, a, d. */
    @BeforeEach
    void oneAlbumWithSongsAddedOutOfOrder(SessionFactory factory) {
        albumId = factory.inTransaction(session -> {
            Album album = new Album("ordered");
            new Song("b", 1, album);
            new Song("c", 3, album);
            new Song("a", 3, album);
            new Song("d", 0, album);
            session.add(album);
            return session.flush().then(Mono.fromSupplier(() -> album.id));
        }).block(TIMEOUT);
    }

    private static List<String> titles(Album album) {
        return album.songs.stream().map(song -> song.title).toList();
    }

    @Test
    void aSelectInLoadReturnsTheMembersInTheirOrderInTwoStatements(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Album album = factory.withSession(session -> session.one(
                Select.from(Album.class).filterBy("id", albumId).options(Load.selectIn("songs")))).block(TIMEOUT);
        assertThat(titles(album)).containsExactlyElementsOf(ORDERED);
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().element(1).sqlContains("ORDER BY t0.\"position\" DESC, t0.\"title\"");
    }

    @Test
    void aJoinedLoadReturnsTheMembersInTheirOrderInOneStatement(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Album album = factory.withSession(session -> session.one(
                Select.from(Album.class).filterBy("id", albumId).options(Load.joined("songs")))).block(TIMEOUT);
        assertThat(titles(album)).containsExactlyElementsOf(ORDERED);
        recorder.assertThat().hasStatementCount(1);
    }

    @Test
    void aFetchedCollectionIsInItsOrder(SessionFactory factory) {
        Album album = factory.withSession(session -> session.get(Album.class, albumId)
                .flatMap(found -> session.fetch(found, "songs").thenReturn(found))).block(TIMEOUT);
        assertThat(titles(album)).containsExactlyElementsOf(ORDERED);
    }
}
