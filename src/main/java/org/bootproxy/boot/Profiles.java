package org.bootproxy.boot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The profiles of a site, and the rule that picks one for a machine: most selectors wins, a tie picks none. */
public final class Profiles {
    private final List<Profile> all;

    public Profiles(List<Profile> profiles) {
        this.all = profiles.stream().sorted(Comparator.comparing(Profile::name)).toList();
    }

    public List<Profile> all() {
        return all;
    }

    /** The profile for a machine that reported {@code facts}, with the reason. */
    public ProfileChoice choose(MachineFacts facts) {
        if (all.isEmpty()) {
            return ProfileChoice.NONE;
        }
        List<Profile> matched = all.stream().filter(p -> p.matches(facts))
                .sorted(Comparator.comparingInt(Profile::specificity).reversed().thenComparing(Profile::name)).toList();
        if (matched.isEmpty()) {
            return new ProfileChoice(Optional.empty(), matched, "no profile matches (" + all.size() + " tried)");
        }
        Profile best = matched.get(0);
        List<Profile> tied = matched.stream().filter(p -> p.specificity() == best.specificity()).toList();
        if (tied.size() > 1) {
            return new ProfileChoice(Optional.empty(), matched, "profiles " + names(tied) + " tie with "
                    + count(best) + " each, so none is used (lint reports the tie: make one more specific)");
        }
        String others = matched.size() > 1 ? "; also matched: " + names(matched.subList(1, matched.size())) : "";
        return new ProfileChoice(Optional.of(best), matched,
                best.name() + ": " + best.selectors() + " (" + count(best) + others + ")");
    }

    /**
     * Pairs of profiles some machine could match both of with the same number of selectors: such a machine
     * would get neither. One line each, naming both files; {@code lint} fails on them.
     */
    public List<String> ties() {
        List<String> ties = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Profile a = all.get(i);
                Profile b = all.get(j);
                if (a.specificity() == b.specificity() && a.canMatchTheSameMachineAs(b)) {
                    ties.add("profiles " + a.name() + " (" + a.source() + ": " + a.selectors() + ") and " + b.name()
                            + " (" + b.source() + ": " + b.selectors() + ") can match the same machine with "
                            + count(a) + " each, and then neither is used: add a selector to the one that should win,"
                            + " or make their patterns exclude each other");
                }
            }
        }
        return ties;
    }

    public Optional<Profile> byName(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static String count(Profile p) {
        return p.specificity() + (p.specificity() == 1 ? " selector" : " selectors");
    }

    private static String names(List<Profile> profiles) {
        return profiles.stream().map(Profile::name).collect(Collectors.joining(", "));
    }
}
