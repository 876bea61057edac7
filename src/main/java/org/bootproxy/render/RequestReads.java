package org.bootproxy.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code request} hash a template sees, remembering which of its keys the render read: an answer depends on
 * those request values and on no other ({@link AnswerCache}). Listing the keys or values (a {@code <#list>}, a
 * hash concatenation, {@code ?keys}) reads every key. One render at a time.
 */
final class RequestReads implements TemplateHashModelEx2 {

    private final Map<String, Object> values;
    private final ObjectWrapper wrapper;
    private final Set<String> read = new TreeSet<>();
    private boolean all;

    RequestReads(Map<String, Object> values, ObjectWrapper wrapper) {
        this.values = values;
        this.wrapper = wrapper;
    }

    /** The keys read, sorted; every key when the template listed them. */
    Set<String> keysRead() {
        return all ? new TreeSet<>(values.keySet()) : read;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        read.add(key);
        Object v = values.get(key);
        return v == null ? null : wrapper.wrap(v);
    }

    /** The same for every request (the keys are fixed), so not a read of any value. */
    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public TemplateCollectionModel keys() {
        all = true;
        return new SimpleCollection(values.keySet(), wrapper);
    }

    @Override
    public TemplateCollectionModel values() {
        all = true;
        return new SimpleCollection(values.values(), wrapper);
    }

    @Override
    public KeyValuePairIterator keyValuePairIterator() {
        all = true;
        Iterator<Map.Entry<String, Object>> it = values.entrySet().iterator();
        return new KeyValuePairIterator() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValuePair next() throws TemplateModelException {
                Map.Entry<String, Object> e = it.next();
                TemplateModel key = wrapper.wrap(e.getKey());
                TemplateModel value = wrapper.wrap(e.getValue());
                return new KeyValuePair() {
                    @Override
                    public TemplateModel getKey() {
                        return key;
                    }

                    @Override
                    public TemplateModel getValue() {
                        return value;
                    }
                };
            }
        };
    }
}
