package io.ternmq.spring.core;

import io.ternmq.client.ClientConfig;

import java.util.Objects;

/**
 * Derives the connection settings of one client (producer, a listener's consumer, the reply consumer) from the
 * application's shared {@link ClientConfig} bean.
 *
 * <p>Why every client needs its own id: the broker reads each heartbeat as the complete list of groups of that
 * client id, and an unregister (a client closing) removes the id from every group. Two clients sharing an id would
 * keep removing each other from their consumer groups.
 */
public final class ClientConfigs {
    private ClientConfigs() {
    }

    /**
     * The shared settings with client id {@code <base id>@<role>}.
     *
     * @param role what the client is, unique among the application's clients, e.g. {@code producer} or
     *             {@code listener-orders}
     */
    public static ClientConfig forRole(ClientConfig shared, String role) {
        Objects.requireNonNull(role, "role");
        if (role.isBlank()) {
            throw new IllegalArgumentException("a client role must not be blank");
        }
        return shared.toBuilder().clientId(shared.clientId() + "@" + role).build();
    }
}
