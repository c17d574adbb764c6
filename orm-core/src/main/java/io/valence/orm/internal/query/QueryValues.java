package io.valence.orm.internal.query;

import java.util.List;

/**
 * The values one query binds into a cached statement: its condition values (by slot, see
 * {@link ConditionSplit}), and its limit and offset.
 *
 * @param conditionValues the condition values
 * @param limit the limit, or null
 * @param offset the offset, or null
 */
record QueryValues(List<Object> conditionValues, Long limit, Long offset) {

    static final QueryValues NONE = new QueryValues(List.of(), null, null);
}
