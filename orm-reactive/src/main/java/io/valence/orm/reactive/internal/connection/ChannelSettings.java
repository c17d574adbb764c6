package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;

/**
 * What every transaction channel of one factory shares.
 *
 * @param connectionFactory where channels take connections (usually an r2dbc-pool)
 * @param acquireTimeout how long a channel waits for a connection before failing
 */
public record ChannelSettings(ConnectionFactory connectionFactory, Duration acquireTimeout) {}
