export const core = {
};
