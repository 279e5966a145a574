export const cli = {
};
