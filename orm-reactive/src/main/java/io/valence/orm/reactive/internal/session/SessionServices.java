package io.valence.orm.reactive.internal.session;

import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.internal.flush.FlushPlanner;
import io.valence.orm.internal.flush.FlushStatements;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.query.DmlRenderer;
import io.valence.orm.internal.query.NativeRenderer;
import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.internal.query.StaticMetamodelWriter;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.internal.connection.ChannelSettings;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import io.valence.orm.reactive.internal.execution.ErrorTranslator;
import io.valence.orm.reactive.internal.execution.StatementRunner;
import io.valence.orm.reactive.internal.flush.FlushExecutor;

/**
 * What every session of one factory shares: the metamodel and the planners, renderers and runners
 * built from it once, with their SQL caches.
 *
 * @param channelSettings where sessions take connections, and how long they wait
 * @param metamodel the mappings
 * @param planner orders flushes
 * @param runner runs statements
 * @param flushExecutor runs flush plans
 * @param selects renders queries
 * @param dml renders bulk DML
 * @param natives prepares native SQL
 * @param observations observes sessions, flushes, queries and commits
 */
record SessionServices(
        ChannelSettings channelSettings,
        Metamodel metamodel,
        FlushPlanner planner,
        StatementRunner runner,
        FlushExecutor flushExecutor,
        SelectRenderer selects,
        DmlRenderer dml,
        NativeRenderer natives,
        SessionObservations observations) {

    /** The services of a new factory; fills the JPA static metamodel classes of its entities, as a JPA provider would. */
    static SessionServices create(ChannelSettings channelSettings, Metamodel metamodel, ObservationRegistry observationRegistry) {
        StaticMetamodelWriter.fill(metamodel);
        return new SessionServices(channelSettings, metamodel, new FlushPlanner(metamodel),
                new StatementRunner(new ErrorTranslator(metamodel)), new FlushExecutor(new FlushStatements()),
                new SelectRenderer(metamodel), new DmlRenderer(metamodel), new NativeRenderer(metamodel),
                new SessionObservations(observationRegistry));
    }

    /** The same services for a session that joins the transaction open on {@code transactionConnection}'s connection. */
    SessionServices joining(ConnectionFactory transactionConnection) {
        return new SessionServices(channelSettings.joining(transactionConnection), metamodel, planner, runner,
                flushExecutor, selects, dml, natives, observations);
    }

    /** A new session's channel, holding no connection yet. */
    TransactionChannel openChannel() {
        return TransactionChannel.open(channelSettings, runner);
    }

    /** The select-in query that loads one relationship, rendered like {@code Load.selectIn(relationship)}. */
    SelectIn selectInFor(EntityMapping mapping, String relationship) {
        relationshipOf(mapping, relationship);
        Select<?> probe = Select.from(mapping.type()).options(Load.selectIn(relationship));
        return selects.render(probe).selectIns().get(0);
    }

    /** A relationship by name, or an argument error listing the entity's relationships. */
    static RelationshipMapping relationshipOf(EntityMapping mapping, String relationship) {
        RelationshipMapping mapped = mapping.relationship(relationship);
        if (mapped == null) {
            throw new IllegalArgumentException(mapping.name() + " has no relationship \"" + relationship
                    + "\"; its relationships are " + mapping.relationships().stream().map(RelationshipMapping::name).toList());
        }
        return mapped;
    }
}
