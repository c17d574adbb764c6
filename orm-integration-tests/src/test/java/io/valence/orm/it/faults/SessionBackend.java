package io.valence.orm.it.faults;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The backend serving the session that reads it: mapped to a view of {@code pg_backend_pid()}
 * ({@link Faults#mapSessionBackendToView}), so that a test learns which server process to
 * terminate through an ordinary query of the session itself.
 */
@Entity
public class SessionBackend {
    @Id
    public Integer pid;

    protected SessionBackend() {}
}
