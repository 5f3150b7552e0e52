/** Only same-site paths are followed after sign-in, so a link cannot bounce a user to another site. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/dashboard";
}
