// Runes mode for every component of ours; libraries in node_modules compile as they were written.
export default {
  vitePlugin: {
    dynamicCompileOptions({ filename }) {
      if (!filename.includes('node_modules')) return { runes: true };
    },
  },
};
