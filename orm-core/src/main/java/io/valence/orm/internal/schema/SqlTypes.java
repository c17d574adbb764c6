package io.valence.orm.internal.schema;

import java.util.Locale;
import java.util.Map;

/**
 * Spells a column type the way PostgreSQL's {@code format_type} does, so that the mapping's DDL type
 * ({@code varchar(50)}, {@code timestamptz}) compares with what the catalog reports
 * ({@code character varying(50)}, {@code timestamp with time zone}).
 */
final class SqlTypes {
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("varchar", "character varying"),
            Map.entry("char", "character"),
            Map.entry("bpchar", "character"),
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("time", "time without time zone"),
            Map.entry("timetz", "time with time zone"));

    private SqlTypes() {}

    /**
     * The {@code format_type} spelling of a DDL type.
     *
     * @param ddlType a type as DDL writes it: {@code varchar(50)}, {@code timestamp(6)}, {@code text[]}
     * @return {@code character varying(50)}, {@code timestamp(6) without time zone}, {@code text[]}
     */
    static String canonical(String ddlType) {
        String type = ddlType.trim().toLowerCase(Locale.ROOT);
        String array = "";
        while (type.endsWith("[]")) {
            array += "[]";
            type = type.substring(0, type.length() - 2).trim();
        }
        String modifier = "";
        int open = type.indexOf('(');
        if (open >= 0 && type.endsWith(")")) {
            modifier = type.substring(open).replace(" ", "");
            type = type.substring(0, open).trim();
        }
        String base = CANONICAL.getOrDefault(type, type);
        int zone = base.indexOf(" with");
        if (zone > 0 && !modifier.isEmpty()) {
            // timestamp(6) without time zone: the precision goes after the first word
            return base.substring(0, zone) + modifier + base.substring(zone) + array;
        }
        return base + modifier + array;
    }
}
