export const login = {
};
