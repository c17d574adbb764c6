/**
 * Public, immutable descriptions of queries and DML statements: {@link io.valence.orm.query.Select},
 * {@link io.valence.orm.query.Condition}, {@link io.valence.orm.query.Load},
 * {@link io.valence.orm.query.Insert}, {@link io.valence.orm.query.Update} and
 * {@link io.valence.orm.query.Delete}; queries for values rather than entities,
 * {@link io.valence.orm.query.Projection} (of {@link io.valence.orm.query.Expression}s, read into
 * records, {@link io.valence.orm.query.Tuple}s or single values); locking reads
 * ({@link io.valence.orm.query.Lock}); subqueries for {@code IN} ({@link io.valence.orm.query.Subquery});
 * keyset pagination's {@link io.valence.orm.query.Page} and {@link io.valence.orm.query.PageKey}; and
 * property paths typed by the JPA static metamodel ({@link io.valence.orm.query.Path}).
 *
 * <p>These values only <em>describe</em> a statement by entity class and property names (Java field
 * names, or dotted paths such as {@code "parent.value"} through a many-to-one). They hold no SQL
 * and do no I/O: names are resolved against the mapping, SQL is rendered and statements are run
 * later, by the session that executes them. An unknown property name therefore fails at
 * execution, with an error listing the entity's properties; malformed arguments (null or blank
 * names, negative limits, rows with different properties) fail at the builder call.
 *
 * <p>Every builder method returns a new instance and never changes the one it was called on, so a
 * statement can be kept in a constant and refined per call. Equality is structural, which lets a
 * renderer cache per statement. Printed, a statement leaves its values out.
 *
 * <pre>{@code
 * Select<Child> query = Select.from(Child.class)
 *         .filterBy("value", "x")
 *         .where(Condition.gt("id", 10).or(Condition.isNull("parent")))
 *         .options(Load.joined("parent"))
 *         .orderBy(Order.desc("id"))
 *         .limit(100);
 * }</pre>
 *
 * <p>Unless a method says otherwise, no argument may be {@code null}; a {@code null} argument
 * fails with a {@link java.lang.NullPointerException} naming it. Values compared with or assigned
 * to properties are the exception: they may be any Java value, {@code null} included.
 */
package io.valence.orm.query;
