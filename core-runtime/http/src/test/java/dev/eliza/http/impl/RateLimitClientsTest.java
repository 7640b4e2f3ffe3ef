package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RateLimitClientsTest {
    private static final Optional<InetAddress> ADDRESS = Optional.of(address("203.0.113.9"));

    @Test
    void aCheckedKeyIsOneClientWhereverItComesFromAndItsNameHoldsNothingOfTheKey() {
        RateLimitClients clients = new RateLimitClients(true);
        String client = clients.of(Optional.of("peer-secret"), ADDRESS);
        assertThat(client).isEqualTo("key");
        assertThat(clients.of(Optional.of("peer-secret"), Optional.of(address("198.51.100.1")))).isEqualTo(client);
        assertThat(new RateLimitClients(true).of(Optional.of("peer-secret"), ADDRESS))
                .as("the same on another node").isEqualTo(client);
    }

    @Test
    void anUncheckedKeyIsIgnoredSoRotatingKeysGainsNothing() {
        RateLimitClients clients = new RateLimitClients(false);
        assertThat(clients.of(Optional.of("a"), ADDRESS)).isEqualTo(clients.of(Optional.of("b"), ADDRESS))
                .isEqualTo("ip:203.0.113.9");
        assertThat(new RateLimitClients(true).of(Optional.of(""), ADDRESS)).isEqualTo("ip:203.0.113.9");
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        RateLimitClients clients = new RateLimitClients(false);
        String one = clients.of(Optional.empty(), Optional.of(address("2001:db8:1:2::1")));
        assertThat(clients.of(Optional.empty(), Optional.of(address("2001:db8:1:2:ffff::9")))).isEqualTo(one);
        assertThat(clients.of(Optional.empty(), Optional.of(address("2001:db8:1:3::1")))).isNotEqualTo(one);
        assertThat(clients.of(Optional.empty(), Optional.empty())).isEqualTo("ip:unknown");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
