package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SendBudgetTest {
    @Test
    void refusesPastTheBoundTellsOnceAndStaysShut() {
        AtomicInteger told = new AtomicInteger();
        SendBudget budget = new SendBudget(10, told::incrementAndGet);
        assertThat(budget.take("12345")).isTrue();
        assertThat(budget.take("12345")).isTrue();
        budget.release("12345");
        assertThat(budget.take("1234")).isTrue();
        assertThat(budget.queued()).isEqualTo(9);
        assertThat(budget.take("12")).isFalse();
        assertThat(budget.take("")).isFalse();
        assertThat(told).hasValue(1);
        assertThat(budget.exceeded()).isTrue();
        assertThat(budget.queued()).isEqualTo(9);
    }

    @Test
    void aSinglePacketLargerThanTheBoundIsRefused() {
        AtomicInteger told = new AtomicInteger();
        assertThat(new SendBudget(3, told::incrementAndGet).take("1234")).isFalse();
        assertThat(told).hasValue(1);
    }
}
