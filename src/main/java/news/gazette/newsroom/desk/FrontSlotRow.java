package news.gazette.newsroom.desk;

import news.gazette.story.FrontSlots;

/**
 * A slot of the front page as the arranging screen shows it: {@code slot} is {@code null} for a slot that fills itself,
 * {@code until} the end of its pin in the outlet's time zone, empty for none; {@code name} as the screen calls it
 * ("Lead", "Top 3").
 */
public record FrontSlotRow(int position, String name, FrontSlots.Slot slot, String until) {
}
