namespace LossGen.Orleans;
