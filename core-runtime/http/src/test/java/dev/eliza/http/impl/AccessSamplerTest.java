package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AccessSamplerTest {
    private final AtomicLong clock = new AtomicLong(10_000);
    private final AccessSampler sampler = new AccessSampler(2, clock::get);

    @Test
    void logsUpToTheRateEachSecondThenCountsTheRestForOneSummary() {
        assertThat(sampler.admit(false)).isEqualTo(new AccessSampler.Admission(true, 0));
        assertThat(sampler.admit(false).log()).isTrue();
        assertThat(sampler.admit(false)).isEqualTo(new AccessSampler.Admission(false, 0));
        clock.addAndGet(999);
        assertThat(sampler.admit(false)).isEqualTo(new AccessSampler.Admission(false, 0));

        clock.addAndGet(1);
        assertThat(sampler.admit(false)).isEqualTo(new AccessSampler.Admission(true, 2));
        assertThat(sampler.admit(false)).isEqualTo(new AccessSampler.Admission(true, 0));
        assertThat(sampler.admit(false).log()).isFalse();
    }

    @Test
    void errorsAndSlowRequestsAreLoggedAboveTheRateToo() {
        sampler.admit(false);
        sampler.admit(false);
        assertThat(sampler.admit(true)).isEqualTo(new AccessSampler.Admission(true, 0));
        assertThat(sampler.admit(false).log()).isFalse();
        clock.addAndGet(5_000);
        assertThat(sampler.admit(false)).as("only the one ordinary request was skipped")
                .isEqualTo(new AccessSampler.Admission(true, 1));
    }

    @Test
    void aRateOfZeroLogsOnlyWhatMustBeLogged() {
        AccessSampler none = new AccessSampler(0, clock::get);
        assertThat(none.admit(false).log()).isFalse();
        assertThat(none.admit(true).log()).isTrue();
    }
}
