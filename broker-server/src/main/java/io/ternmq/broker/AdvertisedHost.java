package io.ternmq.broker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Works out the host clients should use to reach this broker when {@code brokerIP1} is empty. */
final class AdvertisedHost {
    private AdvertisedHost() {
    }

    /** {@code configured} when set, else the first non-loopback IPv4 address of an up interface, else 127.0.0.1. */
    static String resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through: a broker without interfaces is only reachable locally anyway
        }
        return "127.0.0.1";
    }
}
