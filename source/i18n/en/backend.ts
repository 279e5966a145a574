export const backend = {
};
