export const registryui = {
};
