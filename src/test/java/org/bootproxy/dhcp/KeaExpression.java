package org.bootproxy.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the part of Kea's classification language the generated configuration uses, for one client:
 * {@code not}, {@code and}, {@code or}, parentheses, {@code member('…')}, {@code option[N].hex},
 * {@code substring(option[N].hex,START,LENGTH)}, {@code 'string'} and {@code 0xHEX}, compared with {@code ==}.
 * Anything else fails the test, so the reading never silently disagrees with Kea.
 */
final class KeaExpression {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(not|and|or|\\(|\\)|==|member\\('[^']*'\\)|substring\\(option\\[\\d+]\\.hex,\\d+,\\d+\\)|option\\[\\d+]\\.hex|'[^']*'|0x[0-9a-fA-F]+)");

    private final List<String> tokens = new ArrayList<>();
    private final Client client;
    private final List<String> memberOf;
    private int pos;

    KeaExpression(String text, Client client, List<String> memberOf) {
        this.client = client;
        this.memberOf = memberOf;
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new AssertionError("cannot read Kea expression at: " + text.substring(at));
            }
            tokens.add(m.group(1));
            at = m.end();
        }
    }

    boolean evaluate() {
        boolean v = or();
        if (pos != tokens.size()) {
            throw new AssertionError("trailing tokens " + tokens.subList(pos, tokens.size()));
        }
        return v;
    }

    private boolean or() {
        boolean v = and();
        while (peek("or")) {
            pos++;
            v |= and();
        }
        return v;
    }

    private boolean and() {
        boolean v = unary();
        while (peek("and")) {
            pos++;
            v &= unary();
        }
        return v;
    }

    private boolean unary() {
        if (peek("not")) {
            pos++;
            return !unary();
        }
        if (peek("(")) {
            pos++;
            boolean v = or();
            expect(")");
            return v;
        }
        String t = tokens.get(pos++);
        if (t.startsWith("member(")) {
            return memberOf.contains(t.substring(8, t.length() - 2));
        }
        String left = value(t);
        expect("==");
        return left.equals(value(tokens.get(pos++)));
    }

    private String value(String t) {
        if (t.startsWith("'")) {
            return t.substring(1, t.length() - 1);
        }
        if (t.startsWith("0x")) {
            byte[] b = new byte[(t.length() - 2) / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(t.substring(2 + 2 * i, 4 + 2 * i), 16);
            }
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        Matcher sub = Pattern.compile("substring\\(option\\[(\\d+)]\\.hex,(\\d+),(\\d+)\\)").matcher(t);
        if (sub.matches()) {
            String o = option(Integer.parseInt(sub.group(1)));
            int start = Math.min(Integer.parseInt(sub.group(2)), o.length());
            return o.substring(start, Math.min(o.length(), start + Integer.parseInt(sub.group(3))));
        }
        Matcher opt = Pattern.compile("option\\[(\\d+)]\\.hex").matcher(t);
        if (opt.matches()) {
            return option(Integer.parseInt(opt.group(1)));
        }
        throw new AssertionError("not a value: " + t);
    }

    /** An option's bytes; "" when the client did not send it (as Kea's .hex of an absent option). */
    private String option(int code) {
        return switch (code) {
            case 60 -> client.vendorClass();
            case 77 -> client.userClass();
            case 93 -> client.arch() < 0 ? "" : new String(new byte[] {(byte) (client.arch() >> 8), (byte) client.arch()},
                    StandardCharsets.ISO_8859_1);
            default -> throw new AssertionError("option " + code + " is not modelled");
        };
    }

    private boolean peek(String t) {
        return pos < tokens.size() && tokens.get(pos).equals(t);
    }

    private void expect(String t) {
        if (!peek(t)) {
            throw new AssertionError("expected " + t + " at " + tokens.subList(pos, tokens.size()));
        }
        pos++;
    }
}
