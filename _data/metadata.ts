// The site's name and address (BROADSHEET_URL, BROADSHEET_PATH_PREFIX): see src/site/metadata.ts.
import { siteMetadata } from "../src/site/metadata.ts";

export default siteMetadata;
