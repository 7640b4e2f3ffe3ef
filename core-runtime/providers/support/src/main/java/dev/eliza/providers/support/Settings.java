package dev.eliza.providers.support;

import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;

/** Reading ElizaOS's provider variables. */
public final class Settings {
    private Settings() {
    }

    /** The required setting {@code name}, or a non-retryable failure naming it (never its value). */
    public static String required(ProviderSettings settings, String name, String provider) {
        return settings.get(name).orElseThrow(() -> new ModelProviderException(
                provider + " needs " + name + ": set it in the character's secrets or settings, or the environment",
                false));
    }

    /** The text model for {@code modelClass}: the small one for {@code TEXT_SMALL}, else the large one. */
    public static String textModel(ProviderSettings settings, ModelClass modelClass, String smallName,
                                   String smallDefault, String largeName, String largeDefault) {
        return modelClass == ModelClass.TEXT_SMALL ? settings.get(smallName, smallDefault)
                : settings.get(largeName, largeDefault);
    }

    /** {@code url} without trailing slashes. */
    public static String trimmed(String url) {
        String result = url.strip();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
