export const sandbox = {
};
