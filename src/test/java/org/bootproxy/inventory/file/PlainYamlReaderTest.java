package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain reader is a shortcut, never a second dialect: whatever it reads, it reads into the very tree the full
 * parser builds (keys, order, values, types, lines, file); whatever it is not sure of, it hands over.
 */
class PlainYamlReaderTest {

    private static final Path FILE = Path.of("hosts/x.yaml");

    /** The plain tree, after checking it equals the full parser's; empty when the plain reader declined. */
    private static Optional<String> sameEitherWay(String name, byte[] bytes) {
        Optional<YamlNode> plain = PlainYamlReader.read(FILE, bytes);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        YamlNode full;
        try {
            full = new YamlReader().readFully(FILE, bytes, "empty", "one per file");
        } catch (YamlReader.SyntaxError e) {
            return fail("%s: the plain reader read what the full parser refuses (line %d: %s)", name, e.line(),
                    e.getMessage());
        }
        assertThat(render(plain.get())).as(name).isEqualTo(render(full));
        return Optional.of(render(plain.get()));
    }

    private static Optional<String> sameEitherWay(String name, String yaml) {
        return sameEitherWay(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything a tree holds, one node a line: kind or type, text, line and file. */
    static String render(YamlNode node) {
        StringBuilder out = new StringBuilder();
        render(node, "", out);
        return out.toString();
    }

    private static void render(YamlNode node, String indent, StringBuilder out) {
        String at = " @" + node.line() + " " + node.file() + "\n";
        if (node instanceof YamlNode.Scalar s) {
            out.append(indent).append(s.type()).append(" [").append(s.text()).append(']').append(at);
        } else if (node instanceof YamlNode.Mapping m) {
            out.append(indent).append("map").append(at);
            for (var e : m.entries().entrySet()) {
                out.append(indent).append("  key [").append(e.getKey()).append("]=[").append(e.getValue().key())
                        .append("] @").append(e.getValue().line()).append(' ').append(e.getValue().file()).append('\n');
                render(e.getValue().value(), indent + "    ", out);
            }
        } else if (node instanceof YamlNode.Sequence q) {
            out.append(indent).append("list").append(at);
            for (YamlNode item : q.items()) {
                render(item, indent + "  ", out);
            }
        }
    }

    private static List<Path> yamlFiles(String... folders) throws IOException {
        List<Path> all = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void everyShippedYamlFileReadsTheSameEitherWayAndTakesThePlainPath() throws IOException {
        List<Path> files = yamlFiles("hosts", "groups", "profiles");
        assertThat(files).hasSizeGreaterThanOrEqualTo(13);
        List<Path> declined = new ArrayList<>();
        for (Path f : files) {
            if (sameEitherWay(f.toString(), Files.readAllBytes(f)).isEmpty()) {
                declined.add(f);
            }
        }
        assertThat(declined).as("shipped files the plain reader hands to the full parser").isEmpty();
    }

    /** The config file is read by Jackson's mapper, not as a host file; as YAML it is one more sample. */
    @Test
    void theShippedConfigFileReadsTheSameEitherWay() throws IOException {
        for (Path f : yamlFiles("src/deb/etc")) {
            sameEitherWay(f.toString(), Files.readAllBytes(f));
        }
    }

    /** Every YAML example in the docs (host files, groups, config): read alike, or handed over. */
    @Test
    void everyYamlExampleInTheDocsReadsTheSameEitherWay() throws IOException {
        Pattern fence = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
        int examples = 0;
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("templates/README.md")));
        try (Stream<Path> md = Files.list(Path.of("docs"))) {
            md.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        for (Path doc : docs) {
            Matcher m = fence.matcher(Files.readString(doc));
            while (m.find()) {
                sameEitherWay(doc + " example " + ++examples, m.group(1));
            }
        }
        assertThat(examples).isGreaterThan(10);
    }

    /** The YAML the tests write (text blocks in every test class): the odd shapes the product's tests rely on. */
    @Test
    void everyTextBlockInTheTestsReadsTheSameEitherWay() throws IOException {
        Pattern block = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);
        int blocks = 0;
        int plain = 0;
        List<Path> sources;
        try (Stream<Path> java = Files.walk(Path.of("src/test/java"))) {
            sources = java.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        for (Path source : sources) {
            Matcher m = block.matcher(Files.readString(source));
            while (m.find()) {
                String text;
                try {
                    text = m.group(1).stripIndent().translateEscapes();
                } catch (IllegalArgumentException e) {
                    continue; // not a plain text block (escapes this extraction does not follow)
                }
                blocks++;
                plain += sameEitherWay(source + " block " + blocks, text).isPresent() ? 1 : 0;
            }
        }
        assertThat(blocks).isGreaterThan(30);
        assertThat(plain).isGreaterThan(5);
    }

    /** As bench/startup.sh writes them: web01 with its name, MACs, address and token changed. */
    @Test
    void benchmarkShapedHostFilesReadTheSameEitherWayAndTakeThePlainPath() throws IOException {
        String template = Files.readString(Path.of("hosts/web01.example.com.yaml"));
        for (int i : new int[] {1, 9, 10, 59, 60, 99, 100, 255, 256, 4095, 10000, 42424, 50000, 65535, 65536}) {
            String m = String.format("52:55:%02x:%02x:%02x:", i >> 16 & 255, i >> 8 & 255, i & 255);
            String host = template.replace("web01.example.com", String.format("node%05d.example.com", i))
                    .replace("52:54:00:00:01:01", m + "01").replace("52:54:00:00:01:02", m + "02")
                    .replace("192.0.2.11", String.format("10.%d.%d.%d", i >> 16 & 255, i >> 8 & 255, i & 255))
                    .replace("3f6c0e9a-web01-example", String.format("tok-%05d", i));
            assertThat(sameEitherWay("bench host " + i, host)).as("bench host %d takes the plain path", i).isPresent();
        }
    }

    /**
     * Thousands of near misses of the shipped host files (a character, an indent, a line or a value changed at random,
     * with a fixed seed): each is read alike or handed over, and some of each kind take either path.
     */
    @Test
    void mutatedHostFilesReadTheSameEitherWay() throws IOException {
        String[] chars = {":", ": ", " #", "#", "'", "\"", "-", "- ", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%",
            "@", "`", " ", "\t", "\r", "\n", ".", "0", "7", "x", "?", ",", "\\", "\u00e9", "~"};
        String[] values = {"yes", "No", "on", "~", "null", "007", "0x1F", "1e5", "1:30", "1_000", ".5", "-1", "08", "0.0",
            "2024-01-01", "52:54:00:00:01:01", "'q''s'", "\"a\\tb\"", "[a, b]", "{a: b}", "[]", "|", "&a x", "*a", "!!str 1",
            "", "True", "9.4", "1.2.3", "a: b", "x #c", "\"\"", "''"};
        java.util.Random random = new java.util.Random(15);
        List<String> seeds = new ArrayList<>();
        for (Path f : yamlFiles("hosts", "groups", "profiles")) {
            seeds.add(Files.readString(f));
        }
        int plain = 0;
        int mutants = 3000;
        for (int n = 0; n < mutants; n++) {
            List<String> lines = new ArrayList<>(List.of(seeds.get(random.nextInt(seeds.size())).split("\n", -1)));
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int i = random.nextInt(lines.size());
                String line = lines.get(i);
                int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                switch (random.nextInt(6)) {
                    case 0 -> lines.set(i, line.substring(0, at) + chars[random.nextInt(chars.length)] + line.substring(at));
                    case 1 -> lines.set(i, line.isEmpty() || at == line.length() ? line : line.substring(0, at) + line.substring(at + 1));
                    case 2 -> lines.set(i, random.nextBoolean() ? " ".repeat(1 + random.nextInt(2)) + line : line.stripLeading());
                    case 3 -> lines.add(random.nextInt(lines.size() + 1), line);
                    case 4 -> lines.remove(i);
                    default -> {
                        int colon = line.indexOf(": ");
                        if (colon > 0) {
                            lines.set(i, line.substring(0, colon + 2) + values[random.nextInt(values.length)]);
                        }
                    }
                }
                if (lines.isEmpty()) {
                    lines.add("");
                }
            }
            String mutant = String.join("\n", lines);
            plain += sameEitherWay("mutant " + n + ":\n" + mutant, mutant).isPresent() ? 1 : 0;
        }
        assertThat(plain).as("mutants the plain reader took").isBetween(mutants / 10, mutants * 9 / 10);
    }

    @Test
    void aDeclinedFileGetsTheFullParsersMessage() {
        YamlReader.SyntaxError e = org.assertj.core.api.Assertions.catchThrowableOfType(YamlReader.SyntaxError.class,
                () -> new YamlReader().read(FILE, "name: a\nname: b\n".getBytes(StandardCharsets.UTF_8), "empty", "one"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("key 'name' appears twice (lines 1 and 2): keep one");
    }

    @Test
    void aPlainFileIsReadWithTypesAndLines() {
        assertThat(sameEitherWay("small", "# c\nname: a\nbuild: true\nos:\n  major: 9\n  minor: \"04\"\n")).contains("""
                map @2 hosts/x.yaml
                  key [name]=[name] @2 hosts/x.yaml
                    TEXT [a] @2 hosts/x.yaml
                  key [build]=[build] @3 hosts/x.yaml
                    BOOLEAN [true] @3 hosts/x.yaml
                  key [os]=[os] @4 hosts/x.yaml
                    map @4 hosts/x.yaml
                      key [major]=[major] @5 hosts/x.yaml
                        NUMBER [9] @5 hosts/x.yaml
                      key [minor]=[minor] @6 hosts/x.yaml
                        TEXT [04] @6 hosts/x.yaml
                """);
    }

    static Stream<Arguments> trickyInputs() {
        return Stream.of(
                // fall back: flow maps and richer flow lists, anchors, aliases, tags, block scalars
                declines("os: {family: Redhat}\n"), declines("dns: [\"a\", b]\n"), declines("x: [[a]]\n"),
                declines("x: [a, ]\n"), declines("x: [a,\n  b]\n"), declines("x: [52:54:00:aa:00:01]\n"),
                declines("x: [a]b\n"), declines("x: [a: b]\n"), declines("x: {}\n"),
                declines("a: &x 1\nb: *x\n"), declines("a: *x\n"), declines("a: !!str 1\n"), declines("a: !t x\n"),
                declines("a: |\n  text\n"), declines("a: >\n  text\n"), declines("a: |-\n  x\n"),
                // multi-line values, escapes, tabs, document markers, directives
                declines("a: foo\n  bar\n"), declines("a: 'x\n  y'\n"), declines("a: \"x\\ty\"\n"), declines("a: \"x\\\"\"\n"),
                declines("a:\tb\n"), declines("a: b\t# c\n"), declines("a:\n\tb: 1\n"), declines("# a\tcomment\na: 1\n"),
                declines("---\na: 1\n"), declines("a: 1\n---\nb: 2\n"), declines("a: 1\n...\n"), declines("%YAML 1.1\n---\na: 1\n"),
                // YAML 1.1 words and numbers whose reading is not plain
                declines("a: yes\n"), declines("a: No\n"), declines("a: on\n"), declines("a: OFF\n"), declines("a: ~\n"),
                declines("a: null\n"), declines("a: Null\n"), declines("a: y\n"), declines("a: n\n"), declines("a: tRUE\n"),
                declines("a: 007\n"), declines("a: 010\n"), declines("a: 0x1F\n"), declines("a: 0b101\n"), declines("a: 1_000\n"),
                declines("a: 1e5\n"), declines("a: 1.5e3\n"), declines("a: .inf\n"), declines("a: -.inf\n"), declines("a: .nan\n"),
                declines("a: .5\n"), declines("a: -3\n"), declines("a: +3\n"), declines("a: 1.\n"), declines("a: 00.5\n"),
                declines("a: 2024-01-01\n"), declines("a: 2024-01-01T10:00:00Z\n"), declines("a: 2024-1-1 10:00:00\n"),
                declines("a: 190:20:30.15\n"), declines("a: <<\n"), declines("a: 123456789012345678901234567890123\n"),
                // errors and shapes that are no plain map
                declines("name: a\nname: b\n"), declines("a: b: c\n"), declines("a: b:\n"), declines("a:\n  b: 1\n c: 2\n"),
                declines("a:\n  - x\n  b: 1\n"), declines("- a\nb: 1\n"), declines("a\n"), declines("- a\n- b\n"),
                declines(""), declines("# only a comment\n"), declines("\n\n"), declines("a:b\n"), declines("a: x\n  b: 1\n"),
                declines("yes: 1\n"), declines("null: 1\n"), declines("\"a\": 1\n"), declines("'a': 1\n"), declines("? a\n: b\n"),
                declines("a#b: 1\n"), declines("1a: 1\n"), declines("a: - x\n"), declines("a:\n  -x\n"), declines("a:\n  -\n"),
                declines("a:\n  - - x\n"), declines("a:\n  - [x]\n"), declines("a:\n  - # c\n    b: 1\n"), declines("a:\n  b\n"),
                declines("a: 'x' y\n"), declines("a: \"x\"y\n"), declines("a: 'x'# c\n"), declines("a: @x\n"), declines("a: `x\n"),
                declines("a: %x\n"), declines("a: ? x\n"), declines("a: , x\n"), declines("a: -x\n"),
                // characters: byte-order mark, non-ASCII values, odd line breaks, controls, malformed UTF-8
                declines("\uFEFFa: 1\n"), declines("a: café\n"), declines("a: x\u0085b: 1\n"), declines("a: 1\rb: 2\n"),
                declines("a: 1\u0000\n"), declines("a: x\u2028\n"), declines("a: \"caf\u00e9\"\n"), declines("café: 1\n"),
                // accepted: plain and quoted numbers, booleans, nulls, empty text
                accepts("a: 9\nb: \"9\"\nc: '9'\nd: 0\ne: 0.5\nf: 12.50\ng: 08\nh: 99999999999999999999\n"),
                accepts("a: true\nb: \"true\"\nc: True\nd: TRUE\ne: false\nf: False\ng: FALSE\nh: 'false'\n"),
                accepts("a:\nb: ''\nc: \"\"\nd: \"null\"\ne: 'yes'\nf: \"~\"\n"),
                // MAC addresses in every spelling, addresses, times of day
                accepts("a: 52:54:00:aa:00:01\nb: 52:54:00:00:01:01\nc: 52-54-00-00-02-01\nd: 525400000301\n"
                        + "e: \"525400000301\"\nf: 5254.0000.0301\ng: 52:54:00:00:01:60\nh: 00:11:22:33:44:55\n"),
                accepts("a: 192.0.2.11\nb: 255.255.255.0\nc: 1:30\nd: 10.0.0.1\ne: 20240112.3.0\nf: 3f6c0e9a-web01-example\n"),
                // values holding ': ' or ' #', comments cut, '#' kept when not after a space
                accepts("a: \"b: c\"\nb: 'x # y'\nc: b #c\nd: b#c\ne: it's\nf: 'it''s'\ng: \"it's\"\nh: \"#x\"\n"),
                accepts("url: http://x.example.com:8080/p?q=1&r=2\nk: console=tty0 console=ttyS0,115200n8\nl: a b :c\n"),
                accepts("p: /dev/sda\nq: _x\nr: Fedora CoreOS 39 (Ignition)\ns: x [1] {2} ,3 *4 &5 !6 |7 >8 %9 @0 `1\n"),
                // keys with spaces, dots, dashes, slashes; a space before the colon
                accepts("my key: 1\na.b.c: 2\nkey  : v\nhost.params/x-y: z\n_u: 1\n"),
                // trailing spaces, CRLF, empty values, no newline at the end
                accepts("a: b   \nc:   \nd: 'e'   \n"), accepts("a: 1\r\nb:\r\n  c: 'd'\r\n  e:\r\n  - f\r\n"),
                accepts("a:\nb: 1\nc: # c\nd: 2\ne:"), accepts("a: 1"),
                // nested lists of maps, indented and not, deeper nesting
                accepts("i:\n  - mac: a\n    ip: b\n  - mac: c\nj: 1\n"), accepts("i:\n- mac: a\n  ip: b\n- mac: c\nj: 1\n"),
                accepts("i:\n  -   a: 1\n      b:\n        c: 2\n        d:\n        - x\n        - w\n  - z\n"),
                accepts("- a:\n  - x\n  b: 1\n".replace("- a", "k:\n- a")), accepts("a:\n  b:\n    c:\n      d:\n        e: 1\n"),
                // comments at odd places
                accepts("# top\n\na: # c\n  # deeper\n# at column 0\n  b: 1   # c\n\n  # c\n  c:\n    # c\n    - x # c\n# c\n    - w\n"),
                accepts("a: foo\n  # a comment more indented ends the value\nb: 1\n"), accepts("a: x\n\n\n# end\n"),
                accepts("# Redhat, Debian, Ubuntu, … (non-ASCII in a comment)\na: 1 # …\n"),
                accepts("  a: 1\n  b:\n    c: 2\n"),
                // one-line lists
                accepts("a: []\nb: [x]\nc: [x, w]\nd: [ x , w ]\ne: [x,w]\nf: [1, 2.5, true, 192.0.2.1]\ng: [a b]\nh: [x] # c\n"));
    }

    private static Arguments declines(String yaml) {
        return Arguments.of(yaml, false);
    }

    private static Arguments accepts(String yaml) {
        return Arguments.of(yaml, true);
    }

    @ParameterizedTest
    @MethodSource("trickyInputs")
    void aTrickyInputIsReadTheSameEitherWayOrHandedOver(String yaml, boolean plain) {
        assertThat(sameEitherWay(yaml, yaml).isPresent()).as("taken by the plain reader: %s", yaml).isEqualTo(plain);
    }
}
