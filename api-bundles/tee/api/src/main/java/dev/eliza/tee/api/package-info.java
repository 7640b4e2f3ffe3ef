/**
 * The TEE domain's contract: the {@link dev.eliza.tee.api.TeeProvider} SPI through which agent keys are derived and
 * attestation reports signed. The built-in provider is software only (keys derived from a sealed server secret,
 * {@code provider:"software"}); a hardware provider (Intel TDX, AMD SEV-SNP through a quote service) registers the
 * same service under its own {@link dev.eliza.tee.api.TeeProvider#id() id} and is chosen with {@code TEE_PROVIDER}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.eliza.tee.api;
