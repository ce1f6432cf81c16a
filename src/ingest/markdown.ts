// Markdown to plain text: headings, emphasis, links and images reduced to their words.
export function markdownToText(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, "") // front matter
    .replace(/!\[[^\][]*\]\((?:[^)(]|\([^)(]*\))*\)/g, "") // images (no nested brackets, so a run of "![" is read once)
    .replace(/\[([^\][]+)\]\((?:[^)(]|\([^)(]*\))*\)/g, "$1") // links
    .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, "$1") // headings
    .replace(/^\s{0,3}>\s?/gm, "") // block quotes
    .replace(/^[ \t]*[-*+][ \t]+/gm, "") // list bullets
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, "");
}
