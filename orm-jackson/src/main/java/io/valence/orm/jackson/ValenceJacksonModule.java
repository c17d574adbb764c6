package io.valence.orm.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import io.valence.orm.jackson.internal.EntityIntrospector;
import io.valence.orm.jackson.internal.EntitySerializers;

/**
 * Lets Jackson write Valence entities (classes annotated {@code @Entity}, {@code @MappedSuperclass}
 * or {@code @Embeddable}) straight from a controller, without touching what was not loaded and
 * without cycles:
 *
 * <ul>
 *   <li>an entity is written from its fields, as Valence maps it (getters are not called, so none
 *       can load or compute anything); {@code @Transient} and {@code transient} fields are left out;
 *   <li>a relationship that was not loaded is <b>omitted</b>: a collection Valence did not load, and a
 *       to-one that is {@code null} (a to-one that was not loaded is {@code null} in the object, so the
 *       object cannot tell it from "none"; load it with {@code Load.joined} when the client needs it);
 *   <li>an entity already being written further up (a child's {@code parent} inside the parent's
 *       {@code children}) is written as a reference holding only its id, {@code {"id": 7}}, so no
 *       graph is written twice and none loops.
 * </ul>
 *
 * <p>Serialization only: reading JSON into entities is Jackson's default behaviour. Spring Boot
 * applications with {@code orm-spring} get this module registered in their {@code ObjectMapper};
 * elsewhere, {@code objectMapper.registerModule(new ValenceJacksonModule())}.
 */
public final class ValenceJacksonModule extends Module {

    /** Creates the module. */
    public ValenceJacksonModule() {}

    /** @return {@code "valence"} */
    @Override
    public String getModuleName() {
        return "valence";
    }

    /** @return the module's version, unknown to Jackson */
    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    /**
     * Adds the field visibility of entities and the serializers that omit unloaded relationships and
     * break cycles.
     *
     * @param context Jackson's set-up context
     */
    @Override
    public void setupModule(SetupContext context) {
        context.insertAnnotationIntrospector(new EntityIntrospector());
        context.addBeanSerializerModifier(new EntitySerializers());
    }
}
