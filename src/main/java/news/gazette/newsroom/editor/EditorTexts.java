package news.gazette.newsroom.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import news.gazette.platform.text.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts of the rich-text editor in the person's language. TinyMCE ships no Russian or Armenian, so the strings
 * of its interface Gazette uses are message keys like any other, handed to {@code tinymce.addI18n} as JSON.
 */
final class EditorTexts {

    /** TinyMCE's own English strings (its translation keys) and the message keys that translate them. */
    private static final Map<String, String> TINYMCE = new LinkedHashMap<>();
    /** The texts of Gazette's own editor buttons and dialogs. */
    private static final String[] OWN = {"image", "image-choose", "image-alt", "image-caption", "image-credit",
            "image-alt-required", "image-none", "embed", "embed-url", "embed-refused", "insert", "cancel", "paragraph",
            "heading2", "heading3", "autosaved", "autosave-conflict", "autosave-failed"};

    static {
        TINYMCE.put("Undo", "undo");
        TINYMCE.put("Redo", "redo");
        TINYMCE.put("Bold", "bold");
        TINYMCE.put("Italic", "italic");
        TINYMCE.put("Subscript", "subscript");
        TINYMCE.put("Superscript", "superscript");
        TINYMCE.put("Bullet list", "bullet-list");
        TINYMCE.put("Numbered list", "numbered-list");
        TINYMCE.put("Blockquote", "blockquote");
        TINYMCE.put("Link...", "link");
        TINYMCE.put("Insert/edit link", "link");
        TINYMCE.put("Insert/Edit Link", "link");
        TINYMCE.put("Remove link", "unlink");
        TINYMCE.put("Blocks", "blocks");
        TINYMCE.put("Block {0}", "block");
        TINYMCE.put("Paragraph", "paragraph");
        TINYMCE.put("Heading 2", "heading2");
        TINYMCE.put("Heading 3", "heading3");
        TINYMCE.put("URL", "url");
        TINYMCE.put("Text to display", "text-to-display");
        TINYMCE.put("Cancel", "cancel");
        TINYMCE.put("Save", "save");
        TINYMCE.put("Close", "close");
        TINYMCE.put("Rich Text Area", "rich-text-area");
        TINYMCE.put("Rich Text Area. Press ALT-0 for help.", "rich-text-area-help");
        TINYMCE.put("Editor toolbar", "toolbar");
        TINYMCE.put("More...", "more");
        TINYMCE.put("Reveal or hide additional toolbar items", "more");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EditorTexts() {
    }

    static String tinymce(Texts t) {
        Map<String, String> texts = new LinkedHashMap<>();
        TINYMCE.forEach((english, key) -> texts.put(english, t.get("editor.tinymce." + key)));
        return JSON.writeValueAsString(texts);
    }

    static String own(Texts t) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : OWN) {
            texts.put(key, t.get("editor.js." + key));
        }
        return JSON.writeValueAsString(texts);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
