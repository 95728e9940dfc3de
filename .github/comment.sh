#!/usr/bin/env bash
# The sticky pull-request comment of the khairukum Action: the summary
# (summary.sh) in one comment that each push updates instead of adding
# another. Needs `pull-requests: write`; on a pull request from a fork the
# token is read-only, so it says so and leaves the job summary to it.
# Reads PLAN, LANGUAGE, PR_NUMBER, HEAD_REPOSITORY, GITHUB_REPOSITORY and
# GH_TOKEN; uses the `gh` command of the runner. Never fails the job.
set -uo pipefail
marker='<!-- khairukum plan summary -->'
if [ -z "${PR_NUMBER:-}" ]; then
  echo "khairukum: not a pull request; no comment written"
  exit 0
fi
if [ -n "${HEAD_REPOSITORY:-}" ] && [ "$HEAD_REPOSITORY" != "$GITHUB_REPOSITORY" ]; then
  echo "::notice title=khairukum::A pull request from a fork gets a read-only token, so no comment is written; the job summary has the same text."
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
body=$work/body.md
printf '%s\n\n' "$marker" >"$body"
SUMMARY_FILE=$work/summary.md bash "$(dirname "$0")/summary.sh"
# A comment holds at most 65,536 characters; cut at a line (60,000 bytes) and say where the rest is.
if [ "$(wc -c <"$work/summary.md")" -gt 60000 ]; then
  head -c 60000 "$work/summary.md" | sed '$d' >>"$body"
  printf '\n\n_Cut to fit a comment: the job summary of this run has it all._\n' >>"$body"
else
  cat "$work/summary.md" >>"$body"
fi
comments="repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments"
if ! existing=$(gh api --paginate "$comments" --jq ".[] | select(.body | startswith(\"$marker\")) | .id"); then
  echo "::warning title=khairukum::The pull request's comments could not be read (the workflow needs \`permissions: pull-requests: write\`); the job summary has the text."
  exit 0
fi
id=$(printf '%s\n' "$existing" | head -n 1)
if [ -n "$id" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$body" >/dev/null && echo "khairukum: comment $id updated" && exit 0
else
  gh api --method POST "$comments" -F "body=@$body" >/dev/null && echo "khairukum: comment written" && exit 0
fi
echo "::warning title=khairukum::The comment could not be written (the workflow needs \`permissions: pull-requests: write\`); the job summary has the text."
exit 0
