package news.gazette.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;

/**
 * Who may do what to a story: contributors write and submit their own drafts; authors also publish their own
 * stories; editors and admins edit and publish any story.
 */
final class StoryPermissions {

    private StoryPermissions() {
    }

    static boolean anyStory(HttpServletRequest request) {
        return request.isUserInRole("EDITOR");
    }

    static boolean owns(Story story, HttpServletRequest request) {
        return request.getUserPrincipal() != null && request.getUserPrincipal().getName().equals(story.createdBy());
    }

    static boolean canEdit(Story story, HttpServletRequest request) {
        if (anyStory(request)) {
            return true;
        }
        if (!owns(story, request)) {
            return false;
        }
        return request.isUserInRole("AUTHOR") || story.status() == StoryStatus.DRAFT;
    }

    static boolean canPublish(Story story, HttpServletRequest request) {
        return anyStory(request) || request.isUserInRole("AUTHOR") && owns(story, request);
    }

    static boolean canSubmit(Story story, HttpServletRequest request) {
        return story.status() == StoryStatus.DRAFT && (anyStory(request) || owns(story, request));
    }
}
