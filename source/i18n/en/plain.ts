export const plain = {
};
