package org.gatescope.text;

import java.util.Locale;

/**
 * The classic constructions of the agreement literature (Linzen et al. 2016; Marvin &amp; Linzen
 * 2018; Gulordava et al. 2018) that the corpus writes and {@code evaluate} scores one by one. The
 * ids are stable: the window's "Try a sentence" menu and the example-sentence file use them.
 */
public enum Construction {
    SIMPLE("simple", "the author laughs"),
    PP("pp", "the keys to the cabinet are old"),
    SUBJECT_RELATIVE("subject-relative", "the author that likes the guards laughs"),
    OBJECT_RELATIVE("object-relative", "the author that the guards like laughs"),
    OBJECT_RELATIVE_NO_THAT("object-relative-no-that", "the author the guards like laughs"),
    WITHIN_OBJECT_RELATIVE("within-object-relative", "the author that the guards like ..."),
    SENTENTIAL_COMPLEMENT("sentential-complement", "the mechanics said the author laughs"),
    VP_COORDINATION_SHORT("vp-coordination-short", "the author laughs and swims"),
    VP_COORDINATION_LONG("vp-coordination-long", "the author writes in the journals every day and likes ..."),
    COPULA_ADJECTIVE("copula-adjective", "the books are old"),
    LECTURE_CLAUSE("lecture-clause", "the cat , which already ate ... , was full");

    private final String id;
    private final String example;

    Construction(String id, String example) {
        this.id = id;
        this.example = example;
    }

    /** The stable id: "object-relative-no-that". */
    public String id() {
        return id;
    }

    /** A short example of its shape, for help text. */
    public String example() {
        return example;
    }

    /** @throws IllegalArgumentException listing the ids when {@code id} is none of them */
    public static Construction byId(String id) {
        for (Construction c : values()) {
            if (c.id.equals(id.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        StringBuilder ids = new StringBuilder();
        for (Construction c : values()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(c.id);
        }
        throw new IllegalArgumentException("unknown construction \"" + id + "\" (one of " + ids + ")");
    }
}
