// Every page is prerendered to static HTML: prose and code are readable before any script runs.
export const prerender = true;
export const trailingSlash = 'never';
