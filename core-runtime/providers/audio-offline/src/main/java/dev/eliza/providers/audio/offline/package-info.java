/** The built-in offline speech provider: espeak-ng and pocketsphinx driven as bounded subprocesses. */
package dev.eliza.providers.audio.offline;
