package org.bootproxy.render;

import freemarker.cache.TemplateNameFormat;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.TemplateNotFound;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.support.Causes;
import org.bootproxy.support.FileStamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Renders the FreeMarker templates of a folder ({@code ipxe/kickstart} is {@code <dir>/ipxe/kickstart.ftl}).
 *
 * <ul>
 *   <li><b>Strict:</b> a missing value fails the render; the {@link TemplateFailed} message names the
 *       template, the line and the expression, e.g. {@code ipxe/kickstart line 4: params.kernelcmd is missing}.</li>
 *   <li><b>Sandboxed:</b> the model holds only strings, booleans, numbers, lists, maps and three URL helpers
 *       (see {@link RenderModel}); {@code ?new} and {@code ?api} are off; templates and their includes are read
 *       only from the folder, after symlinks are resolved.</li>
 *   <li><b>Hot reload:</b> answers check their template files (the template and what it includes) for changes, each
 *       file at most once a second ({@link TemplateChecks}), so edits on the live server apply within a second.</li>
 *   <li><b>Answers kept:</b> a rendered answer is handed out again while nothing it was made from changed: its
 *       template files, the host (every value, so also its revision and build flag), the settings, and the request
 *       values the template read ({@link AnswerCache}, bounded by {@code render.answer_cache_bytes}).</li>
 *   <li><b>iPXE-friendly syntax:</b> values are written {@code [=host.name]}; {@code ${…}} is plain text, so
 *       iPXE settings and shell variables need no escaping.</li>
 *   <li><b>Bounded:</b> a render that runs past {@link RenderLimits#timeLimit()}, writes more than
 *       {@link RenderLimits#maxOutputBytes()} or recurses until the stack runs out is stopped and fails
 *       like any template error, with one line naming the template.</li>
 * </ul>
 * Thread-safe; logs nothing (the HTTP layer logs each request, the caller maps failures to answers).
 */
public final class FreemarkerRenderer implements TemplateRenderer {

    private static final Version FREEMARKER_VERSION = Configuration.VERSION_2_3_35;

    private final TemplateFolder folder;
    private final GuardedConfiguration freemarker;
    private final RenderLimits limits;
    private final RenderWatchdog watchdog = new RenderWatchdog();
    private final AnswerCache answers;
    private final TemplateChecks checks;

    /** With the default limits and answer cache. */
    public FreemarkerRenderer(Path templatesDir) {
        this(templatesDir, RenderLimits.defaults());
    }

    /** With the default answer cache ({@link #DEFAULT_ANSWER_CACHE_BYTES}). */
    public FreemarkerRenderer(Path templatesDir, RenderLimits limits) {
        this(templatesDir, limits, DEFAULT_ANSWER_CACHE_BYTES);
    }

    /**
     * @param templatesDir     the templates folder; must exist
     * @param limits           how long a render may run and how much it may write
     * @param answerCacheBytes how much memory answers kept for reuse may take (0: none are kept)
     * @throws TemplatesFolderUnusable when it is not a readable directory
     */
    public FreemarkerRenderer(Path templatesDir, RenderLimits limits, long answerCacheBytes) {
        this(templatesDir, limits, answerCacheBytes, TemplateChecks.defaults());
    }

    /** @param checks how often a template file found unchanged is looked at again (tests move its clock) */
    FreemarkerRenderer(Path templatesDir, RenderLimits limits, long answerCacheBytes, TemplateChecks checks) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.folder = new TemplateFolder(templatesDir, checks);
        this.freemarker = configure(folder.root());
        this.limits = Objects.requireNonNull(limits, "limits");
        this.answers = new AnswerCache(answerCacheBytes, checks);
    }

    /** Answers kept for reuse by default: 16 MiB, some thousands of scripts and kickstarts. */
    public static final long DEFAULT_ANSWER_CACHE_BYTES = 16L * 1024 * 1024;

    private static GuardedConfiguration configure(Path root) {
        GuardedConfiguration c = new GuardedConfiguration(FREEMARKER_VERSION);
        try {
            c.setTemplateLoader(new FolderTemplateLoader(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use templates folder " + root, e);
        }
        // names such as ../x or a\b are errors, never paths
        c.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        c.setLocalizedLookup(false);
        c.setTemplateUpdateDelayMilliseconds(0);
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        c.setRecognizeStandardFileExtensions(false);
        c.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        c.setTagSyntax(Configuration.ANGLE_BRACKET_TAG_SYNTAX);

        // strict and quiet: every failure reaches the caller once, as an exception
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setAttemptExceptionReporter((e, env) -> { });
        c.setWrapUncheckedExceptions(true);
        c.setShowErrorTips(false);
        c.setFallbackOnNullLoopVariable(false);

        // sandbox: no class instantiation, no Java API of values, only plain data in the model
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(new SimpleObjectWrapper(FREEMARKER_VERSION));

        // output that does not depend on the server's locale
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        return c;
    }

    @Override
    public String render(String templateName, RenderContext context) {
        Optional<String> kept = answers.find(templateName, context, () -> RenderModel.request(context.request()));
        if (kept.isPresent()) {
            return kept.get();
        }
        Map<String, Object> request = RenderModel.request(context.request());
        RenderInputs inputs = new RenderInputs(folder.root(), checks.now());
        String text = fresh(templateName, context, request, inputs);
        answers.store(templateName, context, request, inputs, text);
        return text;
    }

    /** Renders without looking for a kept answer; {@code inputs} records what the render read. */
    private String fresh(String templateName, RenderContext context, Map<String, Object> request, RenderInputs inputs) {
        if (!exists(templateName)) {
            throw new TemplateNotFound(folder.whyNotFound(templateName));
        }
        String fileName = TemplateFolder.fileName(templateName);
        Optional<FileStamp> before = inputs.stampBefore(fileName);
        Template template = load(templateName);
        inputs.used(fileName, before, reusable(templateName, template));
        LimitedOutput out = new LimitedOutput(limits.maxOutputBytes());
        try (RenderWatchdog.Watch watch = watchdog.watch(limits.timeLimit())) {
            process(templateName, template, context, request, inputs, out, watch);
        }
        String text = out.toString();
        if (templateName.startsWith(IgnitionJson.FOLDER)) {
            IgnitionJson.check(templateName, text);
        }
        if (context.kind() == TemplateKind.IPXE && !text.startsWith("#!ipxe")) {
            throw new TemplateFailed(templateName, templateName
                    + ": an iPXE script must start with #!ipxe as its very first bytes, but "
                    + (text.isEmpty() ? "the output is empty" : "it starts with '" + TemplateErrors.firstLine(text) + "'"));
        }
        return text;
    }

    /** Forgets the answers kept for reuse (a reload calls it). */
    @Override
    public void forgetAnswers() {
        answers.clear();
    }

    /**
     * Parses every template and snippet of the folder now (FreeMarker keeps them parsed), so the first answer after
     * start renders rather than reads and parses. A template that does not parse is left for its first render to
     * report.
     */
    @Override
    public void warmUp(Map<String, RenderContext> samples, Duration budget) {
        for (String file : folder.ftlFiles()) {
            try {
                freemarker.getTemplate(file);
            } catch (IOException | RuntimeException e) {
                // its render reports it, with the template and line, like any other time
            }
        }
        long deadline = System.nanoTime() + budget.toNanos();
        for (Map.Entry<String, RenderContext> s : samples.entrySet()) {
            if (System.nanoTime() >= deadline) {
                return;
            }
            try {
                fresh(s.getKey(), s.getValue(), RenderModel.request(s.getValue().request()), new RenderInputs(folder.root(), checks.now()));
            } catch (RuntimeException e) {
                // the same: a real render reports it
            }
        }
    }

    /** What the answer cache did so far. */
    AnswerCache.Stats answerStats() {
        return answers.stats();
    }

    private String reusable(String templateName, Template template) {
        try {
            return freemarker.reusable(template);
        } catch (GuardedConfiguration.Refused e) {
            throw new TemplateFailed(templateName, e.getMessage());
        }
    }

    private void process(String templateName, Template template, RenderContext context, Map<String, Object> request,
                         RenderInputs inputs, LimitedOutput out, RenderWatchdog.Watch watch) {
        try {
            Map<String, Object> model = RenderModel.of(context);
            RequestReads reads = new RequestReads(request, freemarker.getObjectWrapper());
            model.put("request", reads);
            Environment env = template.createProcessingEnvironment(model, out);
            inputs.attachTo(env, reads);
            env.process();
        } catch (LimitedOutput.TooLarge e) {
            throw new TemplateFailed(templateName, templateName + ": output larger than " + limits.maxOutputBytes()
                    + " bytes, stopped there (render.max_output_bytes): does a loop run far more often than meant?");
        } catch (TemplateException | IOException | RuntimeException e) {
            if (watch.fired()) {
                throw new TemplateFailed(templateName, templateName + ": still rendering after "
                        + limits.timeLimitText() + ", stopped (render.time_limit): does a loop never end?");
            }
            Optional<GuardedConfiguration.Refused> refused = Causes.first(e, GuardedConfiguration.Refused.class);
            if (refused.isPresent()) {
                throw new TemplateFailed(templateName, refused.get().getMessage());
            }
            if (e instanceof TemplateException te) {
                String message = folder.withoutRoot(TemplateErrors.describe(templateName, te, context.host().isPresent()));
                throw Causes.first(e, ParseException.class).isPresent() ? TemplateFailed.syntax(templateName, message, e)
                        : new TemplateFailed(templateName, message, e);
            }
            if (e instanceof IOException io) {
                throw new TemplateFailed(templateName, templateName + ": cannot write output: " + io.getMessage(), e);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new TemplateFailed(templateName, templateName + ": render interrupted (the server is stopping)");
            }
            throw (RuntimeException) e;
        } catch (StackOverflowError e) {
            // no cause attached: its stack trace is thousands of lines of FreeMarker frames
            throw new TemplateFailed(templateName, templateName + ": recursion too deep, stopped: a macro or function calls"
                    + " itself without end (or nests deeper than the Java stack allows)");
        }
    }

    private Template load(String templateName) {
        try {
            return freemarker.getTemplate(TemplateFolder.fileName(templateName));
        } catch (TemplateNotFoundException | MalformedTemplateNameException e) {
            // deleted or swapped for an outside symlink between exists() and now
            throw new TemplateNotFound("no template named " + templateName);
        } catch (ParseException e) {
            throw TemplateFailed.syntax(templateName, folder.withoutRoot(TemplateErrors.describe(templateName, e)), e);
        } catch (GuardedConfiguration.Refused e) {
            throw new TemplateFailed(templateName, e.getMessage());
        } catch (IOException e) {
            throw new TemplateFailed(templateName, templateName + ": cannot read " + TemplateFolder.fileName(templateName)
                    + " in the templates folder (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** True for a template meant to be rendered directly; snippets (under {@code snippets/}) are not. */
    @Override
    public boolean exists(String templateName) {
        return folder.exists(templateName);
    }

    /** Every template name, sorted, without {@code .ftl} and without snippets. */
    @Override
    public List<String> names() {
        return folder.names();
    }

    @Override
    public String toString() {
        return "FreeMarker templates in " + folder.root() + " (" + names().size() + " templates)";
    }
}
