package org.bootproxy;

/** Composition root: the only place that names concrete adapter classes. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("bootproxy: not wired yet");
    }
}
