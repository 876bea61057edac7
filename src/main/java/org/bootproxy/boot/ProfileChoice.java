package org.bootproxy.boot;

import java.util.List;
import java.util.Optional;

/**
 * Which profile an unknown machine gets, and why: what {@code render --facts} prints and the unknown-machine
 * event records.
 *
 * @param chosen  the winner; empty when nothing matched or the best matches tied
 * @param matched every profile that matched, most selectors first
 * @param why     one line: "r640: manufacturer=Dell*, product=PowerEdge R640 (2 selectors; also matched: dell)"
 */
public record ProfileChoice(Optional<Profile> chosen, List<Profile> matched, String why) {
    public static final ProfileChoice NONE = new ProfileChoice(Optional.empty(), List.of(), "no profiles are defined");

    public ProfileChoice {
        chosen = chosen == null ? Optional.empty() : chosen;
        matched = List.copyOf(matched);
    }
}
