package news.gazette.search;

import java.util.List;

import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A section's name is part of every one of its stories in the index (searched, suggested and shown), but renaming a
 * section changes no story: this re-indexes the section's published stories so the new name is found at once. Called
 * by whatever changes a section (today the newsroom's catalogue; a section event can call it instead). After the
 * surrounding transaction commits, when there is one, so the new name is what is read. This node's index only.
 */
@Component
public class SectionReindexing {

    private static final int BATCH = 500;

    private final Stories stories;
    private final IndexUpdates updates;

    SectionReindexing(Stories stories, IndexUpdates updates) {
        this.stories = stories;
        this.updates = updates;
    }

    public void sectionChanged(String edition, long sectionId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reindex(edition, sectionId);
                }
            });
        } else {
            reindex(edition, sectionId);
        }
    }

    private void reindex(String edition, long sectionId) {
        for (int offset = 0; ; offset += BATCH) {
            List<Long> ids = stories.inSection(sectionId, BATCH, offset).stream().map(Story::id).toList();
            if (!ids.isEmpty()) {
                updates.sync(edition, ids);
            }
            if (ids.size() < BATCH) {
                return;
            }
        }
    }
}
