// `regwiz buckets --help`: NCR's Object Storage command, which is not a create and so has no field specs
// to be generated from; its text lives here so that help.ts names no backend.
import {NCR_SITES} from '../backends/ncr.js';

export const BUCKETS_SUMMARY = "the account's Object Storage buckets, and which registry each backs";

export const BUCKETS_HELP = `regwiz buckets: ${BUCKETS_SUMMARY}

Usage:
  regwiz buckets [--site ${NCR_SITES.map(site => site.value).join('|')} | --endpoint BASE_URL] [--storage-endpoint BASE_URL]
                 [--profile NAME] [--json] [--timeout SECONDS] [--proxy URL] [--sandbox] [--allow-insecure-http]

Lists the buckets (S3 ListBuckets, signed with AWS Signature V4 by the NCR keys) and reads NCR's
registry list to show which registry each bucket backs: a bucket backs at most one registry.
Object Storage's endpoint follows the site: kr https://kr.object.ncloudstorage.com (kr-standard),
sg https://sg.object.ncloudstorage.com, jp https://jp.object.ncpstorage.com. For the government
sites and a custom --endpoint, give --storage-endpoint (those endpoints are not verified).

  --storage-endpoint URL  Object Storage's base URL instead of the site's
  --proxy URL             as for regwiz create: Object Storage is reached through the same proxy
  --json                  one JSON object: {"ok", "endpoint", "region", "buckets": [{"name",
                          "created", "registry"}], "registriesKnown", "error"}

Credentials as for regwiz create ncr (environment, --profile, or the profile "default").

Examples:
  regwiz buckets
  regwiz buckets --site sg --json
  regwiz buckets --sandbox

Exit codes: 0 listed · 1 refused (e.g. no Object Storage permission) · 2 usage error · 3 no answer ·
            70 internal error (a fault in regwiz)`;
