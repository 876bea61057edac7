package org.bootproxy.http;

/** Knows no host at all. */
final class EmptyInventory extends FixedInventory {
    EmptyInventory() {
        super();
    }

    @Override
    public String describe() {
        return "empty";
    }
}
