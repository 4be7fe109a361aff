package io.ternmq.client;

/** A parsed {@code host:port}. */
public record BrokerAddress(String host, int port) {
    public static BrokerAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("broker address must be host:port, got '" + address + "'");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range in '" + address + "'");
            }
            return new BrokerAddress(address.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker address must be host:port, got '" + address + "'", e);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
