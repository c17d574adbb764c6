/**
 * Not API. Renders the query values of {@code io.valence.orm.query} ({@code Select}, {@code Insert},
 * {@code Update}, {@code Delete}) into PostgreSQL statements: quoted identifiers, {@code $n}
 * parameters, every value bound and converted by its column's type. Pure, no I/O.
 *
 * <p>Decisions, so the next reader finds the reason:
 * <ul>
 *   <li>Aliases: the root table is {@code t0}, every further joined table {@code t1, t2, …} in the
 *       order joins are made: explicit {@code Select.join} paths (INNER), then many-to-one paths
 *       that conditions and orders go through (LEFT OUTER, one join per path), then the joins of
 *       {@code Load.joined} options (LEFT OUTER). Load joins are never shared with filter joins, as
 *       in SQLAlchemy's {@code joinedload}: filtering never changes what a loaded collection holds.</li>
 *   <li>A join to a collection repeats the root row once per element. The renderer does not add
 *       {@code DISTINCT}: the executor de-duplicates roots through the identity map. A count uses
 *       {@code count(DISTINCT t0."id")} when a collection is joined. Known limit: with an explicit
 *       {@code Select.join} to a collection, LIMIT/OFFSET count joined rows, not roots.</li>
 *   <li>{@code IN} is {@code col = ANY($n::type[])} with one array parameter, so the text does not
 *       depend on the number of values and one cached text serves every list, the empty one too.</li>
 *   <li>A {@code Load.joined} step through a collection multiplies rows, so a limit or offset would
 *       cut collections short. With one, the root is limited first in a subquery,
 *       {@code FROM (SELECT t0.* FROM "parent" AS t0 … WHERE … ORDER BY … LIMIT … OFFSET …) AS t0},
 *       and the collection is joined to its rows; order terms on joined tables travel out of the
 *       subquery as extra columns ({@code "valence_order_1"}) so the outer query keeps the order.</li>
 *   <li>SQL text is cached per query shape (values left out), so equal shapes reuse one string. A
 *       condition is split into its shape and values once, by {@code ConditionSplit}: the shape is the
 *       cache key and what {@code ConditionRenderer} renders, so the two can never disagree.</li>
 *   <li>Projections ({@code ProjectionWriter}) select expressions, not entities, and bypass the identity
 *       map. Aggregates have fixed Java types: {@code count} a {@code Long}, {@code sum} of integers
 *       {@code ::bigint} (PostgreSQL sums a bigint into a numeric; a Long is what users expect, and an
 *       overflow is an error, not a silent widening), {@code avg} a {@code BigDecimal}, floats as
 *       {@code Double}. The result constructor is chosen before any SQL ({@code RowAssembler}).</li>
 *   <li>A lock always names its tables, {@code FOR UPDATE OF t0[, tN]}: a locking read locks the
 *       queried entity's rows, and a {@code Load.joined} outer join (whose nullable side PostgreSQL
 *       cannot lock) does not break it. A lock over groups is refused before SQL.</li>
 *   <li>{@code IN} over a subquery filters a nullable selected column with {@code IS NOT NULL}, so
 *       that its negation keeps its plain meaning ({@code x NOT IN (…, NULL)} is never true in SQL).</li>
 *   <li>Keyset pagination ({@code Keyset}) writes "after the key" in the expanded OR form, not as a
 *       row comparison: it serves mixed directions and NULLs. Its condition is built from public
 *       {@code Condition}s, so splitting, binding and caching are those of any query.</li>
 *   <li>The JPA static metamodel ({@code Child_}) is filled by {@code StaticMetamodelWriter} when a
 *       factory is built, as a JPA provider would: its fields are empty without one.</li>
 *   <li>An INSERT carries at most 65535 parameters (PostgreSQL's limit); a larger one is rejected
 *       with a message saying how many rows fit, rather than split behind the caller's back: one
 *       statement is one atomic upsert with one {@code RETURNING}.</li>
 * </ul>
 */
package io.valence.orm.internal.query;
